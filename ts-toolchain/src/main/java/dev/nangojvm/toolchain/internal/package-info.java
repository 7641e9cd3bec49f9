/** Implementation of the toolchain. Not API: may change without notice. */
package dev.nangojvm.toolchain.internal;
