/**
 * The parts of the Statuspage v2 summary.json the status page reads (see
 * /work/shared/research/status-pages.md §1.2), plus Flashcrowd's extras on incident
 * updates. Optional where the page copes without them, so a lean server answer still renders.
 */
export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
export const COMPONENT_STATUSES: readonly ComponentStatus[] = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];

export interface SpPage {
  id: string;
  name: string;
  url?: string;
  time_zone: string;
  updated_at: string;
}

export interface SpComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  position?: number;
  group?: boolean;
  updated_at?: string;
}

export interface SpIncidentUpdate {
  id: string;
  status: string;
  body: string;
  created_at: string;
  display_at?: string;
  affected_components?: { code: string; name: string }[] | null;
  cause?: string | null;
  expected_recovery_at?: string | null;
  next_update_at?: string | null;
  expected_delay_ms?: number | null;
}

export interface SpIncident {
  id: string;
  name: string;
  status: string;
  impact?: string;
  created_at: string;
  updated_at: string;
  incident_updates: SpIncidentUpdate[];
  components?: { id: string; name: string }[];
}

export interface SpSummary {
  page: SpPage;
  status: { indicator: string; description: string };
  components: SpComponent[];
  incidents: SpIncident[];
}
