/**
 * The few host globals the pure core may use besides ECMAScript itself. structuredClone is
 * a host API (HTML and Node), not ES2023, but it only copies plain data: no clock, no I/O.
 */
declare function structuredClone<T>(value: T): T;
