import './incidents.css';

/** What an incident ring means, for every map that draws them. */
export function IncidentLegend() {
  return (
    // One line: the right column of the overview has no room to spare under a storm's incidents.
    <div className="flex flex-wrap gap-x-[0.8vw]" data-testid="incident-legend">
      <span>
        <span className="incident-legend-ring" data-status="new" /> инцидент
      </span>
      <span>
        <span className="incident-legend-ring" /> принят
      </span>
    </div>
  );
}
