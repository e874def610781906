/**
 * The controls are rebuilt in the new language when it is switched; what the person already
 * typed or chose is carried over by field id, so switching language never wipes a form.
 */
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function fieldsById(root: ParentNode): Map<string, Field> {
  const found = new Map<string, Field>();
  for (const node of root.querySelectorAll<Field>('input[id], select[id], textarea[id]')) found.set(node.id, node);
  return found;
}

export function carryFormValues(from: ParentNode, to: ParentNode): void {
  const old = fieldsById(from);
  for (const [id, field] of fieldsById(to)) {
    const before = old.get(id);
    if (before === undefined || before.value === field.value) continue;
    // a select only takes a value it offers; a service list may not be filled in yet
    if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === before.value)) {
      field.dataset.pending = before.value;
      continue;
    }
    field.value = before.value;
  }
}
