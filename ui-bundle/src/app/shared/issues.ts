import { Issue } from '../api/models';
import { capitalized } from './format';

// Whether an issue's JSON path is `path` or lies under it.
export function under(issue: Issue, path: string): boolean {
  return issue.path === path || issue.path.startsWith(path + '.') || issue.path.startsWith(path + '[');
}

// The server's message for a field, phrased to stand alone: a message that
// starts with what is wrong ("is required: ...") gets the field's label in
// front; any other starts with a capital.
export function messageFor(issues: Issue[], path: string, label: string): string {
  const found = issues.find((i) => under(i, path));
  if (!found) return '';
  const m = found.message;
  if (/^(is|are|must|contains|should|has|have|cannot|needs|does)\b/.test(m)) return `${label} ${m}`;
  return capitalized(m);
}

// Issues no field of the step shows, for the step's own alert.
export function unplaced(issues: Issue[], placed: string[]): Issue[] {
  return issues.filter((i) => !placed.some((p) => under(i, p)));
}
