// Trunk's post-build hook (Trunk.toml [[hooks]]): writes into the staging folder's sw.js the build's files and
// a version hashed from them, so that a new deploy has a new sw.js, which browsers install in place of the old
// one, replacing its cache (www/sw.js). The same files give the same version: a rebuild without a change keeps
// visitors' caches. Usage: node scripts/stamp-service-worker.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The worker's file name in the build, next to index.html. */
export const WORKER = "sw.js";
const BUILD_PLACEHOLDER = '"__SADDLE_BUILD__"';
const FILES_PLACEHOLDER = '["__SADDLE_FILES__"]';

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join("/"))
    .sort();
}

/** The build's version: the first 16 hex digits of SHA-256 over every file's path, length and bytes (the
 *  worker's own text included, before it is stamped). */
export async function buildVersion(dir, files) {
  const hash = createHash("sha256");
  for (const file of files) {
    const bytes = await readFile(join(dir, file));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest("hex").slice(0, 16);
}

/** The worker's source with the version and the files to cache written in; each placeholder must be there once. */
export function stamp(source, version, files) {
  for (const placeholder of [BUILD_PLACEHOLDER, FILES_PLACEHOLDER]) {
    if (source.split(placeholder).length !== 2) {
      throw new Error(`${WORKER} must hold ${placeholder} exactly once (is it stamped already?)`);
    }
  }
  return source.replace(BUILD_PLACEHOLDER, JSON.stringify(version)).replace(FILES_PLACEHOLDER, JSON.stringify(files));
}

/** Stamps `dir`/sw.js with the version of `dir`'s files; the worker caches all of them but itself. */
export async function stampBuild(dir) {
  const all = await filesUnder(dir);
  if (!all.includes(WORKER)) throw new Error(`${join(dir, WORKER)} is missing (index.html copies www/${WORKER})`);
  const version = await buildVersion(dir, all);
  const files = all.filter((file) => file !== WORKER);
  const path = join(dir, WORKER);
  await writeFile(path, stamp(await readFile(path, "utf8"), version, files));
  return { version, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error("stamp-service-worker: give the build folder, or run it as Trunk's post-build hook");
    process.exit(2);
  }
  try {
    const { version, files } = await stampBuild(dir);
    console.log(`service worker: build ${version}, caching ${files.join(", ")}`);
  } catch (error) {
    console.error(`stamp-service-worker: ${error.message}`);
    process.exit(2);
  }
}
