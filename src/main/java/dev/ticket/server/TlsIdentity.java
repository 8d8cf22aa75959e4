package dev.ticket.server;

import dev.ticket.model.CertificateFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The certificate chain and private key {@code ticket serve --tls-cert --tls-key} serves HTTPS with, read from PEM
 * files: certificates by the JDK, the key by Bouncy Castle's PEM parser (PKCS#8 {@code PRIVATE KEY}, PKCS#1
 * {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY}). Read before the service starts, so a wrong file is one
 * sentence and nothing else happens.
 */
public final class TlsIdentity {
    private static final char[] IN_MEMORY = "ticket".toCharArray();   // protects nothing: the store never leaves memory

    private final KeyStore keyStore;
    private final String subject;

    private TlsIdentity(KeyStore keyStore, String subject) {
        this.keyStore = keyStore;
        this.subject = subject;
    }

    /** Reads and checks both files; an {@link IllegalArgumentException} with one sentence when they will not do. */
    public static TlsIdentity load(Path certFile, Path keyFile) {
        List<X509Certificate> chain = CertificateFile.read(certFile, "the certificate file");
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException("the key in " + keyFile + " does not belong to the certificate in "
                    + certFile + " (the first certificate there must be the server's own)");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("ticket", key, IN_MEMORY, chain.toArray(new Certificate[0]));
            return new TlsIdentity(store, chain.get(0).getSubjectX500Principal().getName());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the key in " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** The certificate's subject, for the start-up line. */
    public String subject() {
        return subject;
    }

    /** An HTTPS connector on {@code host:port} with the service's HTTP settings (Javalin's addConnector). */
    Connector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(IN_MEMORY));
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // the client checks that the certificate names the host it asked for; the service answers whatever name
        // (or address) it was reached by, as a plain HTTP service does
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    private static PrivateKey privateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser pem = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item; (item = pem.readObject()) != null; ) {   // EC PARAMETERS may come before the key
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IllegalArgumentException("the key in " + file + " is encrypted; give the service an "
                            + "unencrypted copy readable only by it (openssl pkey -in KEY -out PLAIN_KEY)");
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the key file " + file + " does not exist");
        } catch (IOException e) {   // also PEMException: a block that does not parse
            throw new IllegalArgumentException("cannot read the key file " + file + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    /** Whether the private key signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, PublicKey certified) {
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm();   // Ed25519, Ed448
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
