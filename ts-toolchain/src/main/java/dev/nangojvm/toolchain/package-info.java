/**
 * Reads Nango integration projects (nango.yaml + TypeScript scripts) the way the Nango CLI does, type-checks and
 * lints the scripts, and compiles each script into a CommonJS bundle with esbuild.
 *
 * <ul>
 *   <li>{@link dev.nangojvm.toolchain.NangoProject#load(java.nio.file.Path)}: parse and validate nango.yaml,
 *       find each script's {@code .ts} file; problems are collected as {@link dev.nangojvm.toolchain.Diagnostic}s.</li>
 *   <li>{@link dev.nangojvm.toolchain.ScriptCompiler}: bundle all scripts of a project in one esbuild process,
 *       with a content-hash cache.</li>
 *   <li>{@link dev.nangojvm.toolchain.ModelArtifacts}: models.ts, .nango/schema.ts and JSON Schemas.</li>
 *   <li>{@link dev.nangojvm.toolchain.ProjectChecker}: type errors as {@code nango compile} reports them, and the
 *       seed's best practices ({@link dev.nangojvm.toolchain.LintRule}) as warnings, with the TypeScript compiler
 *       (5.8.3, the npm package's {@code typescript.js}) running in GraalJS.</li>
 * </ul>
 *
 * <p>{@code dev.nangojvm.toolchain.internal} is not API.
 */
package dev.nangojvm.toolchain;
