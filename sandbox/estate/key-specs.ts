/**
 * What KMS reports for each key spec and usage (DescribeKey's *Algorithms fields).
 * https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html
 */
import type { KmsKeyRecord } from './estate';

type Algorithms = Pick<KmsKeyRecord, 'encryptionAlgorithms' | 'signingAlgorithms' | 'macAlgorithms'>;

const RSA_SIGNING = ['RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512'];

export function algorithmsFor(keySpec: string, keyUsage: KmsKeyRecord['keyUsage']): Algorithms {
  if (keySpec === 'SYMMETRIC_DEFAULT') return { encryptionAlgorithms: ['SYMMETRIC_DEFAULT'] };
  if (keySpec.startsWith('HMAC_')) return { macAlgorithms: [`HMAC_SHA_${keySpec.slice(5)}`] };
  if (keySpec.startsWith('RSA_')) {
    return keyUsage === 'ENCRYPT_DECRYPT' ? { encryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] } : { signingAlgorithms: RSA_SIGNING };
  }
  switch (keySpec) {
    case 'ECC_NIST_P256':
    case 'ECC_SECG_P256K1':
      return { signingAlgorithms: ['ECDSA_SHA_256'] };
    case 'ECC_NIST_P384':
      return { signingAlgorithms: ['ECDSA_SHA_384'] };
    case 'ECC_NIST_P521':
      return { signingAlgorithms: ['ECDSA_SHA_512'] };
    case 'ECC_NIST_EDWARDS25519':
      return { signingAlgorithms: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] };
    case 'ML_DSA_44':
    case 'ML_DSA_65':
    case 'ML_DSA_87':
      return { signingAlgorithms: ['ML_DSA_SHAKE_256'] };
    default:
      throw new RangeError(`The sandbox does not model key spec ${keySpec}`);
  }
}

/** The deprecated CustomerMasterKeySpec mirrors KeySpec, except for specs added after its deprecation. */
export function customerMasterKeySpec(keySpec: string): string | undefined {
  return keySpec.startsWith('ML_DSA_') || keySpec === 'ECC_NIST_EDWARDS25519' ? undefined : keySpec;
}
