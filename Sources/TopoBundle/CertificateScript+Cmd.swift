import TopoPlan

/// `certificate.cmd`. cmd.exe parses a line before it runs it, and a value
/// expanded with `%NAME%` or `!NAME!` takes part in that parse: a `)`
/// closes a block early, `&` starts another command, `^` and `!` vanish,
/// and CALL expands `%` a second time. Wine's cmd, which the tests use,
/// even rescans every expanded value for `%` and `!`. So no value is ever
/// expanded that way:
///
/// - Planned values are literals in `set "MT_X=..."` lines (`Quoting.cmd`:
///   `%` doubled), with delayed expansion off, so `!` is plain text.
/// - A value reaches a command through a FOR variable, which cmd substitutes
///   after it has parsed the line. The script writes its own variables to a
///   file (`>file set MT_`, a built-in command) and reads them back with
///   `for /f "usebackq tokens=1* delims==" %%A in (file) do if /i
///   "%%A"=="MT_X" ...`; the `if` keeps the exact name. Variables of the
///   caller's environment (KEYSTORE, TRUSTSTORE, KEYTOOL) are read the same
///   way from `('set KEYSTORE')`, a pipe, so that KEYSTORE_PASSWORD, which
///   `set KEYSTORE` lists too, never goes into a file.
/// - A command that needs several values gets them all from one FOR, never
///   from nested ones: an inner FOR substitutes its variables in text that
///   already holds the outer values, so a path with `%D` in it would lose
///   it to an inner `%%D` (Wine's cmd even loops on it). `:line` writes the
///   values, each followed by `*`, which no Windows path holds, onto one
///   line (`set /p` with input from nul writes its prompt without a line
///   break), and `for /f "tokens=1-3 delims=*"` hands them over together.
/// - The one exception is the temporary folder, `%MT_WORK%`, made from TEMP
///   and always written inside quotes on a line without a block; the file
///   the values go through has to be named somehow.
/// - Host names, aliases and the subject are RFC 1123 text and appear as
///   `%MT_HOST%`.
/// - keytool and icacls are started without CALL, each as the last command
///   of a subroutine reached by `call :label`: a keytool.cmd then takes that
///   subroutine's place and returns to its caller when it ends, and no CALL
///   expands the arguments a second time or doubles their carets.
/// - No parenthesised block holds a value; failures go through `goto`.
extension CertificateScript {
    static func cmd(for server: ServerPlan, certificate: CertificatePlan) -> String {
        let text = cmdHeader(server, certificate) + cmdCommands(server, certificate) + cmdSubroutines(passwordVariable(server))
        // cmd.exe wants CRLF line ends.
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }

    /// icacls arguments for the trusted-root keystore (after `/reset`).
    static let truststoreRights = "/inheritance:r /grant:r *S-1-5-18:F *S-1-5-32-544:F *S-1-5-32-545:R"
    /// icacls arguments for the server keystore, as for ssl.ini.
    static let keystoreRights = "/inheritance:r /grant:r *S-1-5-18:R *S-1-5-32-544:F"

    /// Writes the script's variables to the file `with` reads. The
    /// redirection comes first: after the name, its space would belong to it.
    static let saveValues = #">"%MT_WORK%\values" set MT_"#

    /// `body` with the value of the script's variable `name` in
    /// `%%<next letter>`, as `saveValues` last wrote it.
    static func with(_ name: String, _ letter: Character, _ body: String) -> String {
        #"for /f "usebackq tokens=1* delims==" %%\#(letter) in ("%MT_WORK%\values") do if /i "%%\#(letter)"=="\#(name)" \#(body)"#
    }

    /// `body` with the value of the caller's environment variable `name`.
    static func withEnvironment(_ name: String, _ letter: Character, _ body: String) -> String {
        #"for /f "tokens=1* delims==" %%\#(letter) in ('set \#(name)') do if /i "%%\#(letter)"=="\#(name)" \#(body)"#
    }

    /// `body` with the values of the script's variables `names` in `%%A`,
    /// `%%B`, `%%C`, all from one FOR (see `:line`).
    static func withAll(_ names: [String], _ body: String) -> String {
        "call :line \(names.joined(separator: " "))\n"
            + #"for /f "usebackq tokens=1-\#(names.count) delims=*" %%A in ("%MT_WORK%\line") do \#(body)"#
    }

    /// keytool (MT_KEYTOOL) with `arguments`, then `-keystore` MT_STORE and
    /// `-storepass:env` with `password` (the variable MT_STOREPASS names);
    /// the value of variable `file` comes in `%%C`.
    static func keytool(_ arguments: String, password: String = "%MT_STOREPASS%", file: String? = nil) -> String {
        withAll(["MT_KEYTOOL", "MT_STORE"] + (file.map { [$0] } ?? []),
                #""%%A" \#(arguments) -keystore "%%B" -storepass:env \#(password)"#)
    }

    static func cmdHeader(_ server: ServerPlan, _ certificate: CertificatePlan) -> String {
        let c = Quoting.cmd
        let plannedKeytool = plannedKeytool(server)
        let quoted = [
            ("keystore path", certificate.keystore), ("trusted-root keystore path", certificate.trustedRootKeystore),
            ("install folder", server.installFolder),
        ].filter { $0.1.unicodeScalars.contains("\"") }.map(\.0)
        let named = quoted.count < 2 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
        let refusal = quoted.isEmpty ? "" : """
            >&2 echo certificate.cmd: the topology's \(named) \(quoted.count == 1 ? "holds" : "hold") a double quote, which no Windows path can; correct it and run maestro-topo bundle again
            exit /b 1

            """
        let passwordHelp = wrapped(passwordVariable(server).map {
            "when it is unset, \($0) is used: the variable bundle read for ssl.ini; both set and different is refused"
        } ?? passwordSourceNote(server), width: 52).joined(separator: "\nrem                        ")
        return #"""
            @echo off
            rem Server certificate for \#(c(server.host)), LISTSERV Maestro component SSL.
            rem Generated by maestro-topo. Run the commands in this order, in an
            rem elevated Command Prompt:
            rem
            rem   certificate.cmd trust ROOT.pem [MORE-ROOTS.pem ...]
            rem       Vendor step 2.2.1, first on every server: changes the password of
            rem       the trusted-root keystore from its well-known default to
            rem       TRUSTSTORE_PASSWORD, imports the CA root certificates, aliases
            rem       \#(trustedRootAlias), \#(trustedRootAlias)-2 and so on, and lets only SYSTEM and
            rem       Administrators change it; Users may read it.
            rem   certificate.cmd request
            rem       creates the keystore with a key pair for \#(c(certificate.subject)), with the
            rem       subjectAltName DNS:\#(c(certificate.hostName)), readable by SYSTEM and Administrators
            rem       only, and writes \#(c(server.host)).csr here; have the CA sign it.
            rem   certificate.cmd install ROOT.pem SIGNED.pem [MORE-ROOTS.pem ...]
            rem       imports the CA root certificates, aliases \#(keystoreRootAlias), \#(keystoreRootAlias)-2 and so on,
            rem       then the signed certificate under the key's alias.
            rem
            rem Each command can be run again after a failure; what is done is kept.
            rem
            rem Environment:
            rem   KEYSTORE_PASSWORD    the keystore password, for request and install;
            rem                        \#(passwordHelp)
            rem   TRUSTSTORE_PASSWORD  the new password of the trusted-root keystore, for trust
            rem   TRUSTSTORE_CURRENT_PASSWORD  its present password, default \#(defaultTruststorePassword)
            rem   KEYSTORE, TRUSTSTORE other keystores, for a rehearsal in a scratch folder
            rem   KEYTOOL              the keytool to run; default: Maestro's own Java,
            rem                        else keytool on PATH
            rem keytool reads the passwords from the environment; they are never on a
            rem command line and never printed.
            rem
            rem Paths may hold spaces, parentheses, ampersands, carets, percent and
            rem exclamation marks: delayed expansion stays off, and a path reaches a
            rem command only through a FOR variable, which cmd substitutes after it
            rem has parsed the line. keytool runs without CALL as the last command of
            rem a subroutine, so a keytool.cmd returns too. An argument holding a
            rem double quote cannot be taken safely; no Windows file name holds one.
            setlocal EnableExtensions DisableDelayedExpansion
            \#(refusal)rem Variables of this script start with MT_; none comes from outside.
            set "MT_=1"
            for /f "delims==" %%A in ('set MT_') do set "%%A="
            set "MT_HOST=\#(c(certificate.hostName))"
            set "MT_ALIAS=\#(c(certificate.alias))"
            set "MT_SUBJECT=\#(c(certificate.subject))"
            set "MT_CA=\#(c(certificate.ca))"
            set "MT_PASS=KEYSTORE_PASSWORD"
            if defined KEYSTORE \#(withEnvironment("KEYSTORE", "A", "set \"MT_KEYSTORE=%%B\""))
            if not defined MT_KEYSTORE set "MT_KEYSTORE=\#(c(certificate.keystore))"
            if defined TRUSTSTORE \#(withEnvironment("TRUSTSTORE", "A", "set \"MT_TRUSTSTORE=%%B\""))
            if not defined MT_TRUSTSTORE set "MT_TRUSTSTORE=\#(c(certificate.trustedRootKeystore))"
            if defined KEYTOOL \#(withEnvironment("KEYTOOL", "A", "set \"MT_KEYTOOL=%%B\""))
            if not defined MT_KEYTOOL if exist "\#(c(plannedKeytool))" set "MT_KEYTOOL=\#(c(plannedKeytool))"
            if not defined MT_KEYTOOL set "MT_KEYTOOL=keytool"
            rem The file arguments, taken while delayed expansion is off: MT_ARG1 ...
            set "MT_NARGS=0"
            :collect
            if "%~2"=="" goto collected
            set /a MT_NARGS+=1
            set "MT_ARG%MT_NARGS%=%~2"
            shift /2
            goto collect
            :collected
            if /i "%~1"=="trust" set "MT_COMMAND=trust"
            if /i "%~1"=="request" set "MT_COMMAND=request"
            if /i "%~1"=="install" set "MT_COMMAND=install"
            if not defined MT_COMMAND goto usage
            if not defined TEMP for %%D in (.) do set "TEMP=%%~fD"
            set "MT_WORK=%TEMP%\maestro-topo-%RANDOM%%RANDOM%"
            mkdir "%MT_WORK%" 2>nul
            if not exist "%MT_WORK%\" set "MT_WORK=" & set "MT_MSG=cannot create a temporary folder under TEMP" & goto fail
            call :keytool_found
            if errorlevel 1 set "MT_MSG=keytool not found; set KEYTOOL to its path" & goto fail
            goto %MT_COMMAND%


            """#
    }

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

    static func cmdSubroutines(_ variable: String?) -> String {
        #"""
            \#(passwordRoutine(variable))
            :same
            rem errorlevel 0 when the two variables named hold the same text; set
            rem hands them to this script through a pipe, nothing is shown.
            \#(withEnvironment("%~1", "A", withEnvironment("%~2", "C", "if \"%%B\"==\"%%D\" exit /b 0")))
            exit /b 1

            :add_root
            rem Imports MT_CERT into MT_STORE under alias MT_HALIAS unless the alias
            rem holds it already; the argument names its listing in MT_WORK.
            call :held %1 first
            if errorlevel 2 call :err "alias %MT_HALIAS% in " MT_STORE " already holds a different certificate; if it is stale, remove it with keytool -delete -alias %MT_HALIAS% and run this again" & exit /b 1
            if errorlevel 1 goto add_root_import
            call :say "    " MT_CERT " is already trusted, alias %MT_HALIAS%"
            exit /b 0
            :add_root_import
            call :say "    importing " MT_CERT ", alias %MT_HALIAS%"
            call :kt_import
            if errorlevel 1 call :err "keytool -importcert of " MT_CERT " failed" & exit /b 1
            exit /b 0

            :held
            rem errorlevel 0 when alias MT_HALIAS of MT_STORE holds the first certificate
            rem of the listing named first, in MT_WORK, or with any one of them; 1 when
            rem the alias holds none, 2 when it holds another one.
            if exist "%MT_WORK%\alias.pem" del /f /q "%MT_WORK%\alias.pem"
            set "MT_OUT=%MT_WORK%\alias.pem"
            call :kt_export >nul 2>&1
            if errorlevel 1 exit /b 1
            set "MT_PEM_WANT="
            call :pem_read alias.pem
            if not defined MT_PEM_FIRST exit /b 1
            set "MT_PEM_WANT=%MT_PEM_FIRST%"
            call :pem_read %1
            if /i "%~2"=="any" if defined MT_PEM_HIT exit /b 0
            if /i not "%~2"=="any" if "%MT_PEM_FIRST%"=="%MT_PEM_WANT%" exit /b 0
            exit /b 2

            :pem_read
            rem Joins each certificate of the keytool -rfc listing named, in MT_WORK, into
            rem one line of Base64: MT_PEM_FIRST is the first; MT_PEM_HIT is set when
            rem one equals MT_PEM_WANT. Such a listing holds only Base64, the BEGIN and
            rem END lines and Certificate[N]: headers.
            set "MT_PEM_FIRST="
            set "MT_PEM_HIT="
            set "MT_PEM_ON="
            if not exist "%MT_WORK%\%~1" exit /b 0
            for /f "usebackq delims=" %%L in ("%MT_WORK%\%~1") do (
                set "MT_PEM_LINE=%%L"
                call :pem_line
            )
            exit /b 0
            :pem_line
            if "%MT_PEM_LINE%"=="-----BEGIN CERTIFICATE-----" set "MT_PEM_ON=1" & set "MT_PEM_CUR=" & exit /b 0
            if not defined MT_PEM_ON exit /b 0
            if not "%MT_PEM_LINE%"=="-----END CERTIFICATE-----" set "MT_PEM_CUR=%MT_PEM_CUR%%MT_PEM_LINE%" & exit /b 0
            set "MT_PEM_ON="
            if not defined MT_PEM_FIRST set "MT_PEM_FIRST=%MT_PEM_CUR%"
            if defined MT_PEM_WANT if "%MT_PEM_CUR%"=="%MT_PEM_WANT%" set "MT_PEM_HIT=1"
            exit /b 0

            :load
            rem Checks each file argument and keeps keytool's listing of it as
            rem file-N.pem in MT_WORK, before anything is changed.
            set "MT_I=0"
            :load_next
            set /a MT_I+=1
            if %MT_I% gtr %MT_NARGS% exit /b 0
            call :copy MT_CERT MT_ARG%MT_I%
            call :exists MT_CERT
            if errorlevel 1 call :err "certificate " MT_CERT " not found" & exit /b 1
            call :kt_printcert >"%MT_WORK%\file-%MT_I%.pem" 2>nul
            if errorlevel 1 call :err "keytool cannot read a certificate in " MT_CERT "" & exit /b 1
            goto load_next

            :keytool_found
            rem errorlevel 0 when MT_KEYTOOL names a file, or a program PATH finds.
            rem The value's FOR is the inner one, so no other FOR rescans it.
            \#(saveValues)
            for %%X in ("" .exe .cmd .bat) do \#(with("MT_KEYTOOL", "A", #"if exist "%%B%%~X" exit /b 0"#))
            for %%X in ("" .exe .cmd .bat) do \#(with("MT_KEYTOOL", "A", #"for %%Y in ("%%B%%~X") do if not "%%~$PATH:Y"=="" exit /b 0"#))
            exit /b 1

            :line
            rem Writes the values of the variables named (two or three) to
            rem MT_WORK\line, each followed by *, on one line.
            \#(saveValues)
            type nul >"%MT_WORK%\line"
            \#(with("%~1", "A", #"<nul >>"%MT_WORK%\line" set /p "=%%B*""#))
            \#(with("%~2", "A", #"<nul >>"%MT_WORK%\line" set /p "=%%B*""#))
            if not "%~3"=="" \#(with("%~3", "A", #"<nul >>"%MT_WORK%\line" set /p "=%%B*""#))
            exit /b 0

            :copy
            rem Sets the first variable named to the value of the second.
            set "%~1="
            \#(saveValues)
            \#(with("%~2", "A", "set \"%~1=%%B\""))
            exit /b 0

            :exists
            rem errorlevel 0 when the file the variable named holds exists.
            \#(saveValues)
            \#(with("%~1", "A", "if exist \"%%B\" exit /b 0"))
            exit /b 1

            :make_folder
            rem Creates the folder of the file the variable named holds.
            \#(saveValues)
            \#(with("%~1", "A", "if not exist \"%%~dpB\" mkdir \"%%~dpB\""))
            exit /b 0

            :cleanup
            if defined MT_WORK if exist "%MT_WORK%\" rd /s /q "%MT_WORK%"
            exit /b 0

            :say
            rem Prints a text, the value of the variable named, and another text.
            \#(saveValues)
            \#(with("%~2", "A", "echo %~1%%B%~3"))
            exit /b 0

            :err
            rem As :say. The texts go through variables: Wine's cmd drops the value
            rem when an empty %~1 stands right before it.
            set "MT_M1=%~1"
            set "MT_M3=%~3"
            \#(saveValues)
            \#(with("%~2", "A", ">&2 echo certificate.cmd: %MT_M1%%%B%MT_M3%"))
            exit /b 0

            rem Each subroutine below ends with the one program it starts.
            :kt_list
            \#(keytool("-list"))
            exit /b %errorlevel%

            :kt_storepasswd
            \#(keytool("-storepasswd", password: "TRUSTSTORE_CURRENT_PASSWORD -new:env TRUSTSTORE_PASSWORD"))
            exit /b %errorlevel%

            :kt_export
            \#(keytool(#"-exportcert -rfc -alias "%MT_HALIAS%" -file "%%C""#, file: "MT_OUT"))
            exit /b %errorlevel%

            :kt_printcert
            \#(withAll(["MT_KEYTOOL", "MT_CERT"], #""%%A" -printcert -rfc -file "%%B""#))
            exit /b %errorlevel%

            :kt_import
            \#(keytool(#"-importcert -noprompt -trustcacerts -alias "%MT_HALIAS%" -file "%%C""#, file: "MT_CERT"))
            exit /b %errorlevel%

            :kt_genkeypair
            \#(keytool(#"-genkeypair -storetype \#(storeType) -alias "%MT_ALIAS%" -dname "%MT_SUBJECT%" -ext "SAN=dns:%MT_HOST%" -keyalg RSA -keysize \#(keySize) -validity \#(validityDays) -keypass:env %MT_STOREPASS%"#))
            exit /b %errorlevel%

            :kt_certreq
            \#(keytool(#"-certreq -alias "%MT_ALIAS%" -ext "SAN=dns:%MT_HOST%" -file "%%C""#, file: "MT_OUT"))
            exit /b %errorlevel%

            :icacls_reset
            \#(saveValues)
            \#(with("MT_STORE", "A", "icacls \"%%B\" /reset"))
            exit /b %errorlevel%

            :icacls_truststore
            rem Well-known SIDs, so this works in any language: SYSTEM and
            rem Administrators full control, Users read, nothing inherited.
            \#(saveValues)
            \#(with("MT_STORE", "A", "icacls \"%%B\" \(truststoreRights)"))
            exit /b %errorlevel%

            :icacls_keystore
            rem SYSTEM, the account the Maestro service runs as unless it was
            rem changed, may read the key; Administrators have full control.
            \#(saveValues)
            \#(with("MT_STORE", "A", "icacls \"%%B\" \(keystoreRights)"))
            exit /b %errorlevel%

            """#
    }

    /// The keystore password: KEYSTORE_PASSWORD, else the topology's
    /// variable; MT_PASS names the one keytool reads.
    static func passwordRoutine(_ variable: String?) -> String {
        guard let name = variable else {
            return """
                :password
                rem The keystore password is in KEYSTORE_PASSWORD.
                set "MT_PASS=KEYSTORE_PASSWORD"
                if defined KEYSTORE_PASSWORD exit /b 0
                set "MT_MSG=set KEYSTORE_PASSWORD to the keystore password first"
                exit /b 1

                """
        }
        return """
            :password
            rem The keystore password: KEYSTORE_PASSWORD, else \(name), the variable
            rem bundle read for ssl.ini; both set and different is refused.
            set "MT_PASS=KEYSTORE_PASSWORD"
            if defined KEYSTORE_PASSWORD goto password_given
            set "MT_PASS=\(name)"
            if defined \(name) exit /b 0
            set "MT_MSG=set KEYSTORE_PASSWORD to the keystore password first, or \(name), which bundle read for ssl.ini"
            exit /b 1
            :password_given
            if not defined \(name) exit /b 0
            call :same KEYSTORE_PASSWORD \(name)
            if errorlevel 1 set "MT_MSG=KEYSTORE_PASSWORD and \(name) are both set but differ; the keystore must have the password ssl.ini holds: unset one of them" & exit /b 1
            exit /b 0

            """
    }
}
