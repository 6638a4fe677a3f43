import { NOT_MEDICAL_ADVICE } from '@/content/health-notices';

export function MedicalNote() {
  return <p class="medical-note">{NOT_MEDICAL_ADVICE}</p>;
}
