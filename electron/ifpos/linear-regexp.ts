import type { CodeOptions } from 'ajv';
import { RE2JS } from 're2js';

/**
 * The regular-expression engine for schema `pattern`s: RE2, whose matching time grows linearly with the
 * text, so a loaded schema with a pattern like `^([a-z]+)+$` cannot freeze the app. Patterns RE2 cannot
 * run in bounded time (back-references, look-around) are refused when the schema is loaded.
 */
export const linearRegExp: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string, flags: string) => {
    let re: RE2JS;
    try {
      re = RE2JS.compile(pattern);
    } catch (error) {
      const why = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
      throw new Error(`The pattern "${pattern}" cannot be used (${why}): only patterns that match in bounded time are accepted, without back-references or look-ahead/look-behind.`);
    }
    return { test: (text: string) => re.test(text), toString: () => `/${pattern}/${flags}` };
  },
  { code: 'linearRegExp' },
);
