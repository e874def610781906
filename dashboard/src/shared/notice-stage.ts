/** Where an incident stands for a reader of its notices. */

/** Service is back (monitoring, resolved): there is no delay or recovery left to expect. */
export const isSettled = (stage: string): boolean => stage === 'monitoring' || stage === 'resolved';

/** A resolved incident gets no further update, so a notice of it promises none. */
export const expectsUpdate = (stage: string): boolean => stage !== 'resolved';
