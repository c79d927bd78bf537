export { processMetrics, PROMETHEUS_CONTENT_TYPE, renderProcessMetrics } from './processMetrics.js';
