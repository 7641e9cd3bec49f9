package dev.nangojvm.host.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.graalvm.polyglot.HostAccess;

/**
 * The host half of the guest's {@code require('crypto')}: digests, HMACs and randomness that
 * JavaScript cannot do well or safely by itself. {@code node-globals.js} captures the one
 * instance in its closure; scripts never see it.
 *
 * <p>Bytes cross the boundary as "binary strings", one char per byte (0–255), which both sides
 * convert cheaply ({@code ISO_8859_1} here, {@code charCodeAt}/{@code fromCharCode} there).
 * Algorithm names arrive already normalised by the guest (md5, sha1, sha256…); an unknown name
 * answers {@code null} instead of throwing, so no host exception ever reaches a script.
 *
 * <p>Stateless and thread-safe: one instance serves every context of every host.
 */
public final class NodeCrypto {
    private static final NodeCrypto SHARED = new NodeCrypto();
    private static final Map<String, String> DIGESTS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256", "sha384", "SHA-384",
            "sha512", "SHA-512", "sha512-224", "SHA-512/224", "sha512-256", "SHA-512/256",
            "sha3-256", "SHA3-256", "sha3-512", "SHA3-512");
    private static final Map<String, String> MACS = Map.of(
            "md5", "HmacMD5", "sha1", "HmacSHA1", "sha224", "HmacSHA224", "sha256", "HmacSHA256", "sha384", "HmacSHA384",
            "sha512", "HmacSHA512", "sha512-224", "HmacSHA512/224", "sha512-256", "HmacSHA512/256",
            "sha3-256", "HmacSHA3-256", "sha3-512", "HmacSHA3-512");

    private final SecureRandom random = new SecureRandom();

    private NodeCrypto() { }

    /** The instance handed to every context. */
    public static NodeCrypto shared() {
        return SHARED;
    }

    /** The digest of {@code data} under {@code algorithm}, or null when the algorithm is not supported. */
    @HostAccess.Export
    public String digest(String algorithm, String data) {
        String name = DIGESTS.get(algorithm);
        if (name == null) return null;
        try {
            return binary(MessageDigest.getInstance(name).digest(bytes(data)));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** The HMAC of {@code data} keyed with {@code key}, or null when the algorithm is not supported. */
    @HostAccess.Export
    public String hmac(String algorithm, String key, String data) {
        String name = MACS.get(algorithm);
        if (name == null) return null;
        try {
            Mac mac = Mac.getInstance(name);
            // SecretKeySpec refuses an empty key, which Node accepts. HMAC pads every key with
            // zeros to the block size, so the single byte 0 is the same key as the empty one.
            byte[] k = bytes(key);
            mac.init(new SecretKeySpec(k.length == 0 ? new byte[1] : k, name));
            return binary(mac.doFinal(bytes(data)));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** {@code size} bytes from a {@link SecureRandom}; the guest validates the size. */
    @HostAccess.Export
    public String randomBytes(int size) {
        byte[] b = new byte[Math.max(0, size)];
        random.nextBytes(b);
        return binary(b);
    }

    /** A random (version 4) UUID in its canonical lower-case text form. */
    @HostAccess.Export
    public String randomUUID() {
        return UUID.randomUUID().toString();
    }

    private static byte[] bytes(String binary) {
        return binary.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String binary(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
