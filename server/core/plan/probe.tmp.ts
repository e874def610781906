import { readFileSync } from 'node:fs';
import { readYaml } from './yaml-source.js';
import { validateAgainst } from './schema-validate.js';
import { PlanDocumentSchema } from './schema.js';
import { formatError } from '../errors.js';
const r = readYaml(readFileSync('/tmp/probe.yaml', 'utf8'), 'probe.yaml');
if ('errors' in r) console.log(r.errors); else for (const e of validateAgainst(PlanDocumentSchema, r.source, 'plan')) console.log(e.code, formatError(e));
