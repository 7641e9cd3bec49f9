# Sourced by ./nango-jvm and ./mvnw: finds a JDK >= 25 without any setup by the user.
# Order: $JAVA_HOME, then the usual install locations. A JDK 25 is preferred over newer ones,
# because GraalJS 25.0.x and its JIT compiler are built for exactly that feature release.

nango_jdk_major() { # prints the feature release of the JDK at $1, or nothing
  local release="$1/release" v=""
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1)
  fi
  if [ -z "$v" ] && [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  printf '%s' "$v"
}

nango_find_jdk() {
  local searched=() c major best="" best_major=0
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.asdf/installs/java/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    searched+=("$c")
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(nango_jdk_major "$c")
    [ -n "$major" ] || continue
    if [ "$major" -eq 25 ]; then best="$c"; best_major=25; break; fi
    if [ "$major" -gt 25 ] && { [ "$best_major" -eq 0 ] || [ "$major" -lt "$best_major" ]; }; then
      best="$c"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    {
      echo "nango-jvm: error jdk_not_found: no JDK 25 or newer was found."
      echo "  looked at: \$JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm/*, /usr/java/*, /opt/java/*, /opt/*jdk*,"
      echo "             ~/.sdkman/candidates/java/*, ~/.jdks/*, ~/.asdf/installs/java/*, /Library/Java/JavaVirtualMachines/*"
      [ ${#searched[@]} -gt 0 ] && echo "  found only: ${searched[*]}"
      echo "  fix: install a JDK 25 (for example Temurin 25) and/or set JAVA_HOME to it."
    } >&2
    return 1
  fi
  NANGO_JAVA_HOME="$best"
  export NANGO_JAVA_HOME
}
