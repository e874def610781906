/**
 * What `flashcrowd serve` prints once it listens: where to go, the admin token (or where it
 * is when this is a restart) and the next step. Request logs stay quiet at the default level,
 * so this block is the last thing a person sees in the terminal.
 */
import type { EnsureAdminResult } from '../auth/tokens.js';

export interface BannerInput {
  url: string;
  planName: string;
  planPath: string;
  admin: EnsureAdminResult;
}

function adminLines(admin: EnsureAdminResult): string[] {
  switch (admin.kind) {
    case 'created':
      return [
        `  Admin token   ${admin.created.token}`,
        '                shown this once: only its hash is kept, so copy it now',
      ];
    case 'given':
      return ['  Admin token   the one in FLASHCROWD_ADMIN_TOKEN'];
    case 'existing':
      return [
        '  Admin token   made at the first start and printed then (only its hash is kept)',
        '                lost it? stop the server and run: flashcrowd token create --role admin',
      ];
  }
}

export function startBanner(input: BannerInput): string {
  return [
    '',
    // scripts and test harnesses wait for this exact line
    `flashcrowd listening on ${input.url}`,
    '',
    `  Dashboard     ${input.url}/`,
    `  Status page   ${input.url}/status`,
    `  Plan          ${input.planName} (${input.planPath})`,
    ...adminLines(input.admin),
    '',
    'Next: open the dashboard, paste the admin token into "Admin or operator token", then',
    'press "Start drill" to replay the Feb-3 surge. Press Ctrl+C here to stop the server.',
    '',
  ].join('\n');
}
