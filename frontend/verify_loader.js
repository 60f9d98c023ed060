// The voter page's receipt checker (frontend/src/receipt/verifier.rs), started as a Web Worker
// when the voter presses Verify: load wasm-bindgen's glue and the wasm, whose `main` then says
// it is ready. A wasm that cannot start says so instead, so the page does not wait forever.
importScripts("./verify.js");
wasm_bindgen("./verify_bg.wasm").catch((error) =>
  postMessage(JSON.stringify({ Failed: String(error) })),
);
