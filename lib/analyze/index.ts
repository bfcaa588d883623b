/** Public face of the analyzer (pure). */
export { analyze, analyzeObject, analyzeWithContext, SUBJECT_KINDS } from './analyze';
export { createIncrementalAnalyzer, type ChangedObject, type IncrementalAnalyzer } from './incremental';
export { decorateTopology, decorateWithSummaries, problemSummaries } from './decorate';
export { createAnalyzeContext, type AnalyzeContext, type AnalyzeOptions } from './context';
export { didYouMean } from './did-you-mean';
export { parseManifests, ManifestError } from './load';
export { sortFindings } from './finding';
