/** Where an incident stands for a reader of its notices. */

/**
 * No delay or recovery to expect: service is back (monitoring, resolved), or the notice is a
 * precaution (users were fine and the forecast saw them stay fine).
 */
export const nothingToExpect = (notice: { stage: string; precautionary?: boolean | undefined }): boolean =>
  notice.stage === 'monitoring' || notice.stage === 'resolved' || notice.precautionary === true;

/** A resolved incident gets no further update, so a notice of it promises none. */
export const expectsUpdate = (stage: string): boolean => stage !== 'resolved';
