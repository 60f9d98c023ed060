// The voter page's ballot sealer (frontend/src/sealer.rs), started as a Web Worker when a
// voter of a verifiable election seals or checks a ballot: load wasm-bindgen's glue and the
// wasm, whose `main` then says it is ready. A wasm that cannot start says so instead, so the
// page does not wait forever.
importScripts("./seal.js");
wasm_bindgen("./seal_bg.wasm").catch((error) =>
  postMessage(JSON.stringify({ Failed: String(error) })),
);
