import TopoPlan

/// certificate.cmd's subroutines: the password, comparisons, PEM reading,
/// the values file and `:line`, messages, and each keytool and icacls call
/// as the last command of its own subroutine.
extension CertificateScript {
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
