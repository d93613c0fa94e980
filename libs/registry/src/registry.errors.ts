import { DomainError, LocalizedText } from '@app/core';

export enum RegistryErrorCode {
  ImportRejected = 'registry.import-rejected',
  UnsupportedFile = 'registry.unsupported-file',
  FileTooLarge = 'registry.file-too-large',
  UnknownKind = 'registry.unknown-kind',
  InvalidBands = 'registry.invalid-bands',
  NoSuchJudge = 'registry.no-such-judge',
}

export class RegistryError extends DomainError<RegistryErrorCode> {
  static override readonly messages: Record<RegistryErrorCode, LocalizedText> = {
    [RegistryErrorCode.ImportRejected]: {
      kk: 'Файл қабылданбады: {count} қате табылды. Ештеңе жазылған жоқ',
      ru: 'Файл отклонён: найдено ошибок — {count}. Ничего не записано',
      en: 'The file was rejected: {count} problems found. Nothing was written',
    },
    [RegistryErrorCode.UnsupportedFile]: {
      kk: 'Тек .xlsx немесе .csv (UTF-8) файлдары қабылданады',
      ru: 'Принимаются только файлы .xlsx или .csv (UTF-8)',
      en: 'Only .xlsx or .csv (UTF-8) files are accepted',
    },
    [RegistryErrorCode.FileTooLarge]: {
      kk: 'Файл тым үлкен: ең көбі {maxMb} МБ',
      ru: 'Файл слишком большой: не более {maxMb} МБ',
      en: 'The file is too large: at most {maxMb} MB',
    },
    [RegistryErrorCode.InvalidBands]: {
      kk: 'Топтар дұрыс анықталмаған',
      ru: 'Группы заданы неверно',
      en: 'The bands are not well defined',
    },
    [RegistryErrorCode.NoSuchJudge]: {
      kk: 'Тізілімде {personnelNumber} табель нөмірі бар қызметтегі судья жоқ',
      ru: 'В реестре нет действующего судьи с табельным номером {personnelNumber}',
      en: 'The register has no serving judge with personnel number {personnelNumber}',
    },
    [RegistryErrorCode.UnknownKind]: {
      kk: 'Белгісіз тізілім: {kind}. Рұқсат етілгені: courts, judges, staff',
      ru: 'Неизвестный реестр: {kind}. Допустимо: courts, judges, staff',
      en: 'Unknown register: {kind}. Allowed: courts, judges, staff',
    },
  };
}
