#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/provider.h>
#include <openssl/x509v3.h>
