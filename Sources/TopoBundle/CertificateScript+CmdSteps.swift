import TopoPlan

/// certificate.cmd's steps: trust (the trusted-root keystore), request
/// (key pair and signing request) and install (the signed chain).
extension CertificateScript {
    static func cmdCommands(_ server: ServerPlan, _ certificate: CertificatePlan) -> String {
        #"""
            :trust
            if %MT_NARGS% lss 1 goto usage
            if not defined TRUSTSTORE_PASSWORD set "MT_MSG=set TRUSTSTORE_PASSWORD to the new password of the trusted-root keystore first" & goto fail
            if not defined TRUSTSTORE_CURRENT_PASSWORD set "TRUSTSTORE_CURRENT_PASSWORD=\#(defaultTruststorePassword)"
            call :same TRUSTSTORE_PASSWORD TRUSTSTORE_CURRENT_PASSWORD
            if not errorlevel 1 set "MT_MSG=TRUSTSTORE_PASSWORD must differ from the present password, TRUSTSTORE_CURRENT_PASSWORD, default \#(defaultTruststorePassword)" & goto fail
            call :copy MT_STORE MT_TRUSTSTORE
            call :exists MT_STORE
            if errorlevel 1 call :err "the trusted-root keystore " MT_STORE " does not exist; set TRUSTSTORE to the cacerts file of the Java that runs Maestro" & goto failed
            call :load
            if errorlevel 1 goto failed
            call :say "1/3 changing the password of the trusted-root keystore " MT_STORE ""
            set "MT_STOREPASS=TRUSTSTORE_PASSWORD"
            call :kt_list >nul 2>&1
            if not errorlevel 1 goto trust_opens
            set "MT_STOREPASS=TRUSTSTORE_CURRENT_PASSWORD"
            call :kt_list >nul 2>&1
            if errorlevel 1 call :err "" MT_STORE " opens neither with TRUSTSTORE_PASSWORD nor with TRUSTSTORE_CURRENT_PASSWORD, default \#(defaultTruststorePassword); set TRUSTSTORE_CURRENT_PASSWORD to its present password" & goto failed
            call :kt_storepasswd
            if errorlevel 1 set "MT_MSG=step 1/3 failed: keytool -storepasswd, which wants at least 6 characters" & goto fail
            goto trust_roots
            :trust_opens
            set "MT_STOREPASS=TRUSTSTORE_CURRENT_PASSWORD"
            call :kt_list >nul 2>&1
            if errorlevel 1 goto trust_changed
            echo     it opens with any password, as the cacerts of Java 18 and later: there is none to change; step 3 protects it
            goto trust_roots
            :trust_changed
            echo     it already opens with TRUSTSTORE_PASSWORD: changed on an earlier run, skipped
            :trust_roots
            set "MT_STOREPASS=TRUSTSTORE_PASSWORD"
            echo 2/3 importing the CA root certificates
            set "MT_I=0"
            :trust_next
            set /a MT_I+=1
            if %MT_I% gtr %MT_NARGS% goto trust_restrict
            set "MT_HALIAS=\#(trustedRootAlias)"
            if not %MT_I%==1 set "MT_HALIAS=\#(trustedRootAlias)-%MT_I%"
            call :copy MT_CERT MT_ARG%MT_I%
            call :add_root file-%MT_I%.pem
            if errorlevel 1 goto failed
            goto trust_next
            :trust_restrict
            call :say "3/3 letting only SYSTEM and Administrators change " MT_STORE "; Users may read it"
            call :icacls_reset >nul
            if errorlevel 1 set "MT_MSG=step 3/3 failed: icacls /reset" & goto fail
            call :icacls_truststore >nul
            if errorlevel 1 set "MT_MSG=step 3/3 failed: icacls /grant" & goto fail
            echo done: now run: certificate.cmd request
            goto done

            :request
            if not %MT_NARGS%==0 goto usage
            call :password
            if errorlevel 1 goto fail
            call :copy MT_STORE MT_KEYSTORE
            set "MT_STOREPASS=%MT_PASS%"
            call :exists MT_STORE
            if errorlevel 1 goto request_new
            call :kt_list >nul 2>&1
            if errorlevel 1 call :err "" MT_STORE " exists but does not open with the keystore password; it is left as it is, set KEYSTORE to create another" & goto failed
            set "MT_OUT=%MT_WORK%\check.csr"
            call :kt_certreq >nul 2>&1
            if errorlevel 1 call :err "" MT_STORE " holds no private key under alias %MT_ALIAS%; it is left as it is, set KEYSTORE to create another" & goto failed
            call :say "1/2 " MT_STORE " already holds the key pair, alias %MT_ALIAS%: kept"
            goto request_csr
            :request_new
            call :make_folder MT_STORE
            call :say "1/2 creating " MT_STORE " with a new key pair for %MT_SUBJECT%, alias %MT_ALIAS%"
            call :kt_genkeypair
            if errorlevel 1 set "MT_MSG=step 1/2 failed: keytool -genkeypair" & goto fail
            call :icacls_keystore >nul
            if errorlevel 1 set "MT_MSG=step 1/2 failed: icacls could not restrict the keystore to SYSTEM and Administrators" & goto fail
            :request_csr
            echo 2/2 writing the certificate signing request %MT_HOST%.csr
            set "MT_OUT=%MT_HOST%.csr"
            call :kt_certreq
            if errorlevel 1 set "MT_MSG=step 2/2 failed: keytool -certreq" & goto fail
            call :say "done: have %MT_HOST%.csr signed by " MT_CA ", then run: certificate.cmd install ROOT.pem SIGNED.pem"
            goto done

            :install
            if %MT_NARGS% lss 2 goto usage
            call :password
            if errorlevel 1 goto fail
            call :copy MT_STORE MT_KEYSTORE
            set "MT_STOREPASS=%MT_PASS%"
            call :exists MT_STORE
            if errorlevel 1 call :err "" MT_STORE " does not exist; run certificate.cmd request first" & goto failed
            call :load
            if errorlevel 1 goto failed
            call :kt_list >nul 2>&1
            if errorlevel 1 call :err "" MT_STORE " does not open with the keystore password" & goto failed
            echo 1/2 importing the CA root certificates
            set "MT_HALIAS=\#(keystoreRootAlias)"
            call :copy MT_CERT MT_ARG1
            call :add_root file-1.pem
            if errorlevel 1 goto failed
            set "MT_I=2"
            :install_next
            set /a MT_I+=1
            if %MT_I% gtr %MT_NARGS% goto install_signed
            set /a MT_N=MT_I-1
            set "MT_HALIAS=\#(keystoreRootAlias)-%MT_N%"
            call :copy MT_CERT MT_ARG%MT_I%
            call :add_root file-%MT_I%.pem
            if errorlevel 1 goto failed
            goto install_next
            :install_signed
            call :copy MT_CERT MT_ARG2
            call :say "2/2 importing the signed certificate " MT_CERT ", alias %MT_ALIAS%"
            set "MT_HALIAS=%MT_ALIAS%"
            call :held file-2.pem any
            if errorlevel 1 goto install_import
            call :say "    " MT_STORE " already holds it: nothing to import"
            goto install_done
            :install_import
            call :kt_import
            if errorlevel 1 call :err "step 2/2 failed: keytool -importcert of " MT_CERT ", is it the reply to %MT_HOST%.csr?" & goto failed
            :install_done
            call :say "done: " MT_STORE " holds the certificate for %MT_SUBJECT%"
            goto done

            :usage
            >&2 echo usage: certificate.cmd trust ROOT.pem [MORE-ROOTS.pem ...]
            >&2 echo        certificate.cmd request
            >&2 echo        certificate.cmd install ROOT.pem SIGNED.pem [MORE-ROOTS.pem ...]
            call :cleanup
            exit /b 2

            :fail
            >&2 echo certificate.cmd: %MT_MSG%
            :failed
            call :cleanup
            exit /b 1

            :done
            call :cleanup
            exit /b 0


            """#
    }
}
