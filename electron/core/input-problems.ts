import type { z } from 'zod';

/** A schema's complaints in plain words, one line each, led by the field they are about; staff read these. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${path}${issue.message}`;
  });
}
