export function MedicalNote() {
  return <p class="medical-note">Educational content, not medical advice.</p>;
}
