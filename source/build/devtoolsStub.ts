// Stands in for react-devtools-core in the dashboard bundle (see bundleDashboard.ts).
export default {connectToDevTools(): void {}};
