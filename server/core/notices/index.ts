/** Incidents and the user notices they publish: the lifecycle, template choice and text. */
export { initialIncidentState } from './incident-state.js';
export type { IncidentInput, IncidentState, OpenIncident, OpenStage } from './incident-state.js';
export { updateIncident, UPDATE_REASONS } from './incident.js';
export type { IncidentUpdate, UpdateReason } from './incident.js';
export { nextStage } from './incident-stage.js';
export { renderNotice } from './render.js';
export type { NoticeValues } from './render.js';
export { selectTemplate } from './template-select.js';
export { DEFAULT_TEMPLATES } from './default-templates.js';
export { formatDelay } from './format-delay.js';
export { formatLocalTime } from './format-time.js';
