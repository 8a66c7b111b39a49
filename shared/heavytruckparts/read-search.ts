import { intOf, isObj, listOf, pick, type Obj } from './fields';
import { looksLikeItem, readHit, readSuggested } from './read-items';
import type { SearchPage } from './types';

interface Located {
  totals: Obj;
  entries: unknown[];
  suggested: unknown;
}

/**
 * The document draws the answer as `{results: total_results, total_pages, [items]}`, which reads
 * two ways: totals beside a `results` array, or totals inside `results` with the items next to them
 * (keyed "0", "1", … as a PHP array comes out). Both, and a bare array, are accepted.
 */
function locate(body: unknown): Located {
  if (Array.isArray(body)) return { totals: {}, entries: body, suggested: undefined };
  if (!isObj(body)) return { totals: {}, entries: [], suggested: undefined };
  const results = pick(body, ['results', 'result', 'items']);
  const suggested = pick(body, ['suggested_part_types']) ?? (isObj(results) ? pick(results, ['suggested_part_types']) : undefined);
  if (Array.isArray(results)) return { totals: body, entries: results, suggested };
  if (isObj(results)) {
    const inner = pick(results, ['results', 'items']);
    const entries = Array.isArray(inner) ? inner : Object.entries(results).filter(([k]) => /^\d+$/.test(k)).map(([, v]) => v);
    return { totals: { ...body, ...results }, entries: entries.length > 0 ? entries : listOf(inner), suggested };
  }
  return { totals: body, entries: Object.entries(body).filter(([k]) => /^\d+$/.test(k)).map(([, v]) => v), suggested };
}

export interface SearchAsked {
  page: number;
  /** The page size asked for, or null for "all". */
  resultSize: number | null;
  userId: string | null;
}

/** One page of search results, however the answer was shaped. */
export function readSearchPage(body: unknown, asked: SearchAsked): SearchPage {
  const { totals, entries, suggested } = locate(body);
  const items = entries.filter(looksLikeItem);
  const hits = items.map(readHit);
  const totalResults = intOf(pick(totals, ['total_results', 'totalresults', 'total'])) ?? hits.length;
  const totalPages = intOf(pick(totals, ['total_pages', 'totalpages', 'pages'])) ?? (hits.length > 0 ? 1 : 0);
  const page = intOf(pick(totals, ['page_number', 'page'])) ?? hits[0]?.pageNumber ?? asked.page;
  // The API may ignore result_size (and page with it): a full page of another size says it did, and
  // for "all", an answer holding fewer rows than its total or more than one page.
  const lastPage = page >= totalPages;
  const resultSizeIgnored =
    asked.resultSize === null ? hits.length < totalResults || totalPages > 1 : hits.length !== asked.resultSize && !(lastPage && hits.length < asked.resultSize);
  return {
    totalResults,
    totalPages,
    page,
    resultSizeIgnored,
    hits,
    suggested: readSuggested(suggested),
    unreadable: entries.length - items.length,
    userId: asked.userId,
  };
}
