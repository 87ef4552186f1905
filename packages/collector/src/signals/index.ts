export { type ErrorGroupsParams, errorGroup, errorGroups } from "./error-groups.js";
export { type EventsParams, listEvents } from "./events.js";
export { traceLogs } from "./trace-logs.js";
