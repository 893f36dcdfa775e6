/** Routing rules and the first lifecycle step are written by this actor. */
export const ROUTING_ACTOR = 'system:routing';
