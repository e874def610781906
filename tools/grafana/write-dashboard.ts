/** `npm run grafana:dashboard`: writes the drill dashboard where people import it from. */
import { writeFile } from 'node:fs/promises';
import { drillDashboard } from './drill-dashboard.js';

export const DASHBOARD_FILE = 'dashboard/grafana/flashcrowd-drill.json';

await writeFile(DASHBOARD_FILE, `${JSON.stringify(drillDashboard(), null, 2)}\n`);
process.stdout.write(`wrote ${DASHBOARD_FILE}\n`);
