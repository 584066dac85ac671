// The store: one JSON file per organisation and year, read and written so no typed word is lost.
export {defaultStorePath, bundledDataDir, BUNDLED_STORE, resolveStorePath} from './paths.js';
export {loadStore, applyChanges, writeStore, watchStore, fileSignature} from './store.js';
export {parseStore} from './parse.js';
export {readHistory, historyPath, defaultAuthor} from './history.js';
export {safeJson, serializeStore} from './serialize.js';
export {fardigHistorik} from './vantande.js';
