import { TOKEN_ROLES } from '../store/api-tokens.js';

export const TOKEN_USAGE = `usage: flashcrowd token create --role ${TOKEN_ROLES.join('|')} [--name NAME] [--data-dir DIR]

Creates an API token in the server's data folder and prints it once; only its hash is kept.

options:
  --role      what the token may do: ${TOKEN_ROLES.join(', ')}
  --name      a label to recognise the token by in the audit log; default "ROLE token"
  --data-dir  the server's data folder; default ./data, or FLASHCROWD_DATA_DIR
  --help      show this help

exit status: 0 created, 1 the data folder or database could not be used, 2 wrong usage`;
