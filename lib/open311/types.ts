/** Shapes of GeoReport v2 (wiki.open311.org/GeoReport_v2) as this server speaks them. */

export interface GeoReportService {
  service_code: string;
  service_name: string;
  description: string;
  /** No extra attributes are asked for, so there is no service definition to fetch. */
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface GeoReportRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The answer to `POST requests.json`. */
export interface GeoReportCreated {
  service_request_id: string;
  service_notice: string;
  account_id: null;
}

/** GeoReport's error element: the HTTP status and a sentence (here always "field: why"). */
export interface GeoReportError {
  code: number;
  description: string;
}
