/** One finding: its rule, the file it is in (relative to the scanned folder, "N/A" for a global check), where, and why. */
export interface Finding {
  issue: string;
  filename: string;
  location: string;
  description: string;
}

interface SarifResult {
  ruleId?: string;
  message?: { text?: string };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[];
}

/** One finding as the accepted list names it: a global check's file is "N/A", as in Electronegativity's own output. */
export function findingOf(r: SarifResult): Finding {
  const where = r.locations?.[0]?.physicalLocation;
  const uri = where?.artifactLocation?.uri;
  if (!r.ruleId || !uri) throw new Error(`Electronegativity reported a finding without its rule or file: ${JSON.stringify(r).slice(0, 300)}`);
  const filename = uri === 'file:///' ? 'N/A' : uri.replace(/\\/g, '/');
  return { issue: r.ruleId, filename, location: `${where?.region?.startLine ?? 0}:${(where?.region?.startColumn ?? 1) - 1}`, description: r.message?.text ?? '' };
}

/** The findings of a SARIF report; throws when the report is missing or not whole. */
export function readReport(text: string): Finding[] {
  let report: { runs?: { results?: SarifResult[] }[] };
  try {
    report = JSON.parse(text) as typeof report;
  } catch (error) {
    throw new Error(`Electronegativity's report could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  const results = report.runs?.[0]?.results;
  if (!Array.isArray(results)) throw new Error('Electronegativity\'s report holds no list of findings.');
  return results.map(findingOf);
}
