// Certificates of the simulator: a private CA and two server certificates, made with the openssl CLI and
// cached in the state directory. Clients trust the CA through NODE_EXTRA_CA_CERTS (or a tls `ca` option).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CertPair {
  cert: string;
  key: string;
}

/** A certificate and its key as files (PEM), for a server that reads paths (Azurite). */
export interface CertFiles extends CertPair {
  certPath: string;
  keyPath: string;
}

export interface SimCertificates {
  /** Path of the CA certificate (PEM): the value for NODE_EXTRA_CA_CERTS. */
  caPath: string;
  ca: string;
  /** The control plane: localhost, 127.0.0.1, ::1. */
  controlPlane: CertPair;
  /** The ingress: `*.<domain>` and `<domain>` for each ingress domain. */
  ingress: CertPair;
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function ensureCa(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'ca.crt');
  const key = join(dir, 'ca.key');
  if (!existsSync(cert) || !existsSync(key)) {
    openssl(
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650']
        .concat(['-subj', '/CN=alc-deploy simulator CA', '-addext', 'basicConstraints=critical,CA:TRUE'])
        .concat(['-addext', 'keyUsage=critical,keyCertSign,cRLSign']),
    );
  }
  return { cert, key };
}

/** Issues (or reuses) a server certificate for the given DNS names and IPs, signed by the CA. */
function ensureServerCert(
  dir: string,
  name: string,
  ca: { cert: string; key: string },
  sans: string[],
): CertFiles {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  const sanFile = join(dir, `${name}.san`);
  const san = sans.join(',');
  const cached =
    existsSync(cert) && existsSync(key) && existsSync(sanFile) && readFileSync(sanFile, 'utf8') === san;
  if (!cached) {
    const csr = join(dir, `${name}.csr`);
    const ext = join(dir, `${name}.ext`);
    writeFileSync(ext, `subjectAltName=${san}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${name}`]);
    openssl(
      ['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert].concat([
        '-days',
        '825',
        '-sha256',
        '-extfile',
        ext,
      ]),
    );
    writeFileSync(sanFile, san);
  }
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8'), certPath: cert, keyPath: key };
}

/** The CA, the control-plane certificate and the ingress wildcard certificate, cached in `<stateDir>/tls`. */
export function ensureCertificates(stateDir: string, ingressDomains: string[]): SimCertificates {
  const dir = join(stateDir, 'tls');
  mkdirSync(dir, { recursive: true });
  const ca = ensureCa(dir);
  const controlPlane = ensureServerCert(dir, 'control-plane', ca, [
    'DNS:localhost',
    'IP:127.0.0.1',
    'IP:::1',
  ]);
  const ingressSans = [...new Set(ingressDomains)].flatMap((d) => [`DNS:*.${d}`, `DNS:${d}`]);
  const ingress = ensureServerCert(dir, 'ingress', ca, ingressSans);
  return { caPath: ca.cert, ca: readFileSync(ca.cert, 'utf8'), controlPlane, ingress };
}

/**
 * The storage (Azurite) certificate, signed by the same CA, for the address it listens on (the Docker network's
 * gateway IP, so that containers and the host use one URL), 127.0.0.1 and localhost; cached in `<stateDir>/tls`.
 */
export function ensureStorageCertificate(stateDir: string, ips: string[]): CertFiles {
  const dir = join(stateDir, 'tls');
  mkdirSync(dir, { recursive: true });
  const sans = [...new Set([...ips, '127.0.0.1'])].map((ip) => `IP:${ip}`).concat('DNS:localhost');
  return ensureServerCert(dir, 'storage', ensureCa(dir), sans);
}
