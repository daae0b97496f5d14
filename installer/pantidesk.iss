; Inno Setup script: a per-user installer for Windows 10/11 (no administrator rights needed).
; The program goes to %LOCALAPPDATA%\Programs\PantiDesk; the database, its key ring and the logs
; live in %LOCALAPPDATA%\PantiDesk and are never touched by an upgrade or an uninstall.
#define AppVersion GetEnv("PANTIDESK_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E0B8E1C-5B7A-4C57-9C7B-7A1F2B3C4D5E}
AppName=PantiDesk
AppVersion={#AppVersion}
AppPublisher=Dinas Sosial Provinsi Lampung
DefaultDirName={localappdata}\Programs\PantiDesk
DefaultGroupName=PantiDesk
PrivilegesRequired=lowest
OutputDir=dist
OutputBaseFilename=PantiDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
UninstallDisplayName=PantiDesk

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "dist\PantiDesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\PantiDesk"; Filename: "{app}\PantiDesk.exe"
Name: "{userdesktop}\PantiDesk"; Filename: "{app}\PantiDesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Ikon di desktop"; Flags: unchecked

[Run]
Filename: "{app}\PantiDesk.exe"; Description: "Jalankan PantiDesk"; Flags: nowait postinstall skipifsilent
