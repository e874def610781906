// k6 provides console (its output goes to k6's logger), but @types/k6 does not declare it,
// and lib "DOM" would declare a browser this runtime is not.
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
