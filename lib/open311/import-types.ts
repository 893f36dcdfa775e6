/** Options and report of importing requests from another GeoReport v2 server (lib/open311/import-requests.ts). */

export interface ImportOptions {
  /** The server's GeoReport root (`https://host/open311/v2`) or its `requests.json` / `requests.xml`. */
  baseUrl: string;
  /** Window on requested_datetime: ISO 8601 with an offset, or a Date. Defaults: the 90 days before `until`. */
  since?: string | Date;
  /** Defaults to now. */
  until?: string | Date;
  /**
   * Their service_code → our category code; it overrides the mapping an admin confirmed for this server
   * (open311_service_mappings). Codes mapped by neither leave the category to our classifier.
   */
  serviceMap?: Record<string, string>;
  /**
   * IANA zone the server's times without an offset are in. Without it a feed with such a time is refused:
   * no zone is assumed.
   */
  timeZone?: string;
  fetch?: typeof fetch;
  /** Per HTTP request, body included; default 30 s. */
  timeoutMs?: number;
  /** Width of one date window asked for; default 7 days. */
  windowDays?: number;
  /** A response this long is taken as cut off by the server: its window is halved and asked again. Default 1000. */
  fullAt?: number;
  /** Guard against a server that ignores the date filter; default 500. */
  maxRequests?: number;
}

export interface ImportWarnings {
  /** Timestamps without an offset, read in the configured `timeZone`. */
  assumedZone: number;
  /** Points dropped: 0,0, half a pair, unreadable or on the oblast's edge outside any municipality (the request is kept). */
  droppedPoint: number;
  /** Status words we do not know (listed in `unknownStatuses`): the request is taken as open. */
  unknownStatus: number;
  /** updated_datetime or expected_datetime unreadable: left out. */
  unreadableTime: number;
  /** expected_datetime not after requested_datetime: our own due time is kept. */
  expectedBeforeRequested: number;
  /** Coordinates written with a decimal comma (`55,75`). */
  commaDecimal: number;
  /** No description: the text was made of service_name and address. */
  missingDescription: number;
  /** service_code neither mapped nor ours (or absent): the category is left to the classifier. */
  unmappedService: number;
  /** Texts with HTML entities or tags, decoded. */
  htmlText: number;
  /** Texts or addresses longer than intake takes, cut. */
  truncatedText: number;
  /** Responses whose content-type did not match their body (or was missing). */
  wrongContentType: number;
  /** Responses starting with a byte-order mark. */
  bom: number;
  /** Records already seen in an earlier window of this import (windows overlap at their edges). */
  repeatedAcrossWindows: number;
  /** Windows still full at the narrowest width: the server may have held back some requests. */
  fullWindow: number;
}

export interface SkippedRequest {
  /** Their service_request_id, or null when it was missing. */
  id: string | null;
  reason: string;
}

export interface ImportReport {
  baseUrl: string;
  /** The requests.json / requests.xml URL actually read, and its format. */
  endpoint: string | null;
  format: 'json' | 'xml' | null;
  since: string;
  until: string;
  /** HTTP requests made. */
  requests: number;
  /** Records received: created + duplicates + skipped + repeatedAcrossWindows. */
  fetched: number;
  created: number;
  /** Already stored by an earlier import. */
  duplicates: number;
  skipped: SkippedRequest[];
  warnings: ImportWarnings;
  /** Their service codes that matched nothing, for extending `serviceMap`. */
  unmappedServiceCodes: string[];
  /** Status words the feed used that we do not know. */
  unknownStatuses: string[];
  /** What the feed says of its requests (each counted once): open, taken into work, closed. */
  feedStates: { open: number; inProgress: number; closed: number };
  /** What the feed's states changed in our lifecycle, new and earlier-imported complaints alike. */
  lifecycle: StateChanges;
  /** Requests refused as outside the region (abroad, or without a point in a feed abroad); in `skipped`. */
  outsideRegion: number;
  /** Requests created for another Russian region's federal view (their point lies there), per region code. */
  heldForRegions: Record<string, number>;
  /** Whose service → category mapping applied: confirmed by an admin, given in the options, both, or none. */
  serviceMapping: { confirmed: number; fromOptions: number };
  /** Why the import stopped early (HTTP error, timeout, unreadable body); null when it ran to the end. */
  error: string | null;
}

/** What the feed's states changed in our lifecycle (lib/open311/apply-feed-states.ts). */
export interface StateChanges {
  closed: number;
  reopened: number;
  inProgress: number;
  /** Complaints whose due time is now the feed's expected_datetime. */
  dueFromFeed: number;
}
