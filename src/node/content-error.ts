/** One problem in the deck's content, located at a file and line, with what to do about it. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
  hint: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message} ${p.hint}`;
}

/** Thrown by the build when the content is wrong; its message lists every problem, one per line. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The slides have ${count}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
