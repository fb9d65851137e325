const WORDS = [
  "switch",
  "yard",
  "signal",
  "route",
  "token",
  "model",
  "stream",
  "answer",
  "bright",
  "river",
  "quiet",
  "engine",
  "copper",
  "lantern",
  "harbor",
  "meadow",
  "vector",
  "orbit",
  "canvas",
  "pixel",
  "garden",
  "window",
  "silver",
  "thunder",
  "compass",
  "falcon",
  "maple",
  "glacier",
  "ember",
  "prism",
  "atlas",
  "cobalt",
  "delta",
  "echo",
  "fable",
  "granite",
  "horizon",
  "island",
  "jasmine",
  "kernel",
  "ledger",
  "mosaic",
  "nebula",
  "opal",
  "pioneer",
  "quartz",
  "ripple",
  "summit",
  "tundra",
  "umber",
  "velvet",
  "willow",
  "xenon",
  "yonder",
  "zephyr",
  "anchor",
  "beacon",
  "cipher",
  "dynamo",
  "frontier",
  "gravity",
  "harvest",
  "insight",
  "journey",
] as const;

/** `count` words drawn from `rng`, first one capitalised, as separate pieces (with leading spaces). */
export function generateWords(rng: () => number, count: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[Math.floor(rng() * WORDS.length)] ?? "token";
    const last = i === count - 1;
    const text = i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : ` ${word}`;
    pieces.push(last ? `${text}.` : text);
  }
  return pieces;
}

export function randomWord(rng: () => number): string {
  return WORDS[Math.floor(rng() * WORDS.length)] ?? "token";
}

/** Splits text into word pieces (each keeps its leading whitespace). */
export function splitWords(text: string): string[] {
  return text.match(/\s*\S+/g) ?? (text ? [text] : []);
}

/** Splits text into exactly `n` pieces by character ranges. */
export function splitEvenly(text: string, n: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < n; i++) {
    pieces.push(text.slice(Math.floor((i * text.length) / n), Math.floor(((i + 1) * text.length) / n)));
  }
  return pieces;
}

/** Splits text into pieces of at most `size` characters. */
export function splitBySize(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces.length > 0 ? pieces : [""];
}
