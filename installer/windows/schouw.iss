; Per-user Windows installer for schouw (Inno Setup 6). No admin rights: installs into
; the user's own Programs folder, a Start menu entry, the .schouw file association in
; HKEY_CURRENT_USER, and an uninstaller (Settings > Apps). Built by
; .github/workflows/desktop.yml from the bundle of `python -m schouw.build`:
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=dist\schouw /Odist installer\windows\schouw.iss

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\schouw"
#endif

[Setup]
AppId={{6F0F4E47-2C55-4B7A-9E0B-5C3A1D2E9B71}
AppName=Schouw
AppVersion={#AppVersion}
AppPublisher=schouw
DefaultDirName={autopf}\Schouw
DefaultGroupName=Schouw
DisableProgramGroupPage=yes
; per user, never asks for admin rights ({autopf} is then the user's Programs folder)
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
Uninstallable=yes
UninstallDisplayIcon={app}\schouw.exe
OutputBaseFilename=schouw-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Schouw"; Filename: "{app}\schouw.exe"
Name: "{group}\{cm:UninstallProgram,Schouw}"; Filename: "{uninstallexe}"

[Registry]
; .schouw opens with schouw (HKA is HKEY_CURRENT_USER in a per-user install)
Root: HKA; Subkey: "Software\Classes\.schouw\OpenWithProgids"; ValueType: string; ValueName: "Schouw.Project"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Schouw.Project"; ValueType: string; ValueName: ""; ValueData: "Schouw-project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Schouw.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\schouw.exe,0"
Root: HKA; Subkey: "Software\Classes\Schouw.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\schouw.exe"" ""%1"""

[Run]
Filename: "{app}\schouw.exe"; Description: "{cm:LaunchProgram,Schouw}"; Flags: nowait postinstall skipifsilent
