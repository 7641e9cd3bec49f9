/** Helpers shared by the stores (JSON.stringify-compatible text, deep merge, timestamps, cursors). Not API. */
package dev.nangojvm.bindings.store.internal;
