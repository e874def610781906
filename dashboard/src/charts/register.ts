/** chart.js with only what the dashboard draws: line/area charts on linear axes. Keeps the bundle small. */
import { Chart, Decimation, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler, Legend, Tooltip, Decimation);

export { Chart };
