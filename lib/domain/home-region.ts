/**
 * The region this center serves: its complaints get the full treatment (municipality, routing, problems, SLA,
 * webhooks, the wall). Complaints of other regions' centers arrive through the same intake for the federal view.
 */
export const HOME_REGION = 'RU-MOS';
