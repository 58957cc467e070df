package dev.hookstead.script.utils;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM keys: RSA private keys as PKCS#1 ({@code RSA PRIVATE KEY}, what the platform's docs show) or PKCS#8
 * ({@code PRIVATE KEY}), RSA public keys as PKCS#1 ({@code RSA PUBLIC KEY}) or X.509 ({@code PUBLIC KEY}), and EC keys
 * as PKCS#8 / X.509. PKCS#1 DER is wrapped into its PKCS#8 / X.509 envelope so the JDK key factories can read it.
 */
final class PemKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** DER of AlgorithmIdentifier {rsaEncryption, NULL}. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final String RSA = "RSA";
    private static final String EC = "EC";

    private PemKeys() {
    }

    /** A private key of {@code algorithm} (RSA or EC); {@code what} names the argument in errors. */
    private static PrivateKey privateKey(String pem, String what, String algorithm) {
        Block block = block(pem, what, "-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----");
        byte[] pkcs8 = switch (block.type) {
            case "RSA PRIVATE KEY" -> der(0x30, concat(new byte[]{0x02, 0x01, 0x00}, RSA_ALGORITHM,
                    der(0x04, block.der)));
            case "PRIVATE KEY" -> block.der;
            default -> throw new IllegalArgumentException(what + " is a PEM '" + block.type
                    + "' block; pass a private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)");
        };
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(what + " is not a readable " + algorithm + " private key");
        }
    }

    /** A public key of {@code algorithm} (RSA or EC); {@code what} names the argument in errors. */
    private static PublicKey publicKey(String pem, String what, String algorithm) {
        Block block = block(pem, what, "-----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----");
        byte[] spki = switch (block.type) {
            case "RSA PUBLIC KEY" -> der(0x30, concat(RSA_ALGORITHM, der(0x03, concat(new byte[]{0}, block.der))));
            case "PUBLIC KEY" -> block.der;
            default -> throw new IllegalArgumentException(what + " is a PEM '" + block.type
                    + "' block; pass a public key (-----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----)");
        };
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(what + " is not a readable " + algorithm + " public key");
        }
    }

    static PrivateKey rsaPrivate(String pem, String what) {
        return privateKey(pem, what, RSA);
    }

    static PublicKey rsaPublic(String pem, String what) {
        return publicKey(pem, what, RSA);
    }

    static PrivateKey ecPrivate(String pem, String what) {
        return privateKey(pem, what, EC);
    }

    static PublicKey ecPublic(String pem, String what) {
        return publicKey(pem, what, EC);
    }

    /** True if the text holds a PEM block, i.e. it is a key and not an HMAC secret. */
    static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    private record Block(String type, byte[] der) {
    }

    private static Block block(String pem, String what, String expected) {
        // secrets pasted with literal "\n" sequences are common; accept them
        Matcher m = PEM.matcher(pem.replace("\\n", "\n"));
        if (!m.find()) {
            throw new IllegalArgumentException(what + " is not a PEM key; pass text starting with " + expected);
        }
        try {
            return new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " has a PEM block whose base64 body is damaged");
        }
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffff ? (length > 0xffffff ? 4 : 3) : (length > 0xff ? 2 : 1);
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
