package dev.ticket.client;

import dev.ticket.model.CertificateFile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context that trusts the certificates in one PEM file, and only those: curl's {@code --cacert}. For a
 * service with a self-signed certificate or one signed by a team's own CA; host names are still checked.
 */
public final class TrustedCertificates {
    private TrustedCertificates() {
    }

    /** The context; an {@link IllegalArgumentException} with one sentence when the file will not do. */
    public static SSLContext context(Path file) {
        List<X509Certificate> certificates = CertificateFile.read(file, "the CA file");
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust the certificates in " + file + ": " + e.getMessage(), e);
        }
    }
}
