import './incidents.css';

/** What an incident ring means, for every map that draws them. */
export function IncidentLegend() {
  return (
    <div className="flex flex-col gap-[0.4vh]" data-testid="incident-legend">
      <span>
        <span className="incident-legend-ring" data-status="new" /> инцидент, не принят
      </span>
      <span>
        <span className="incident-legend-ring" /> инцидент принят, в работе
      </span>
    </div>
  );
}
