package dev.nangojvm.cli;

final class Version {
    static final String VALUE = "0.1.0-SNAPSHOT";

    private Version() { }
}
